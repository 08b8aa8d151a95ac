package org.rtmmlab.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;

/**
 * Sends {@code /} to the page ({@code /ui/index.html}). The pattern {@code ""} (the context root) is a plain
 * property: bnd drops an empty annotation value, and an empty value inside a list too, so this servlet has only
 * that one; {@code /ui/} is {@link UiServlet}'s. The URL fragment (the token) stays in the browser across a
 * redirect.
 */
@Component(service = Servlet.class, property = "osgi.http.whiteboard.servlet.pattern=")
public class RootRedirect extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(302);
        resp.setHeader("Location", "/ui/index.html");
    }
}
