package org.rtmmlab.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Redirects {@code /ui} and {@code /ui/} to {@code /ui/index.html}: the whiteboard's resource servlet has no welcome
 * files and answers a folder with an empty 200, and it outranks an exact servlet pattern there; a filter runs first.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern({"/ui", "/ui/"})
public class UiIndexFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = ((HttpServletRequest) request).getRequestURI();
        if (uri.equals("/ui") || uri.equals("/ui/")) {
            HttpServletResponse resp = (HttpServletResponse) response;
            resp.setStatus(302);
            resp.setHeader("Location", "/ui/index.html");
            return;
        }
        chain.doFilter(request, response);
    }
}
