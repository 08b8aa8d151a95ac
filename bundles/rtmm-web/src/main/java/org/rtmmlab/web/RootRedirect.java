package org.rtmmlab.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;

/**
 * Sends {@code /} and {@code /ui/} to the page ({@code /ui/index.html}): the whiteboard has no welcome files. The
 * pattern {@code ""} (the context root) is given as a plain property, since bnd drops an empty annotation value;
 * {@code /ui/} is an exact pattern, which wins over the resources' {@code /ui/*}. The URL fragment (the token) stays
 * in the browser across the redirect.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=",
    "osgi.http.whiteboard.servlet.pattern=/ui/",
    "osgi.http.whiteboard.servlet.pattern=/ui"
})
public class RootRedirect extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(302);
        resp.setHeader("Location", "/ui/index.html");
    }
}
