package org.rtmmlab.web;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The dashboard page, its script and style, from this bundle's {@code /ui} folder at {@code /ui/*}; {@code /ui} and
 * {@code /ui/} redirect to {@code /ui/index.html}. A servlet rather than a whiteboard resource: the resource
 * servlet has no welcome files (a folder is an empty 200) and outranks exact patterns and filters there. Only the
 * files listed here are served; the page may load nothing from elsewhere (Content-Security-Policy: self).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/ui/*")
public class UiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FILES = Map.of(
            "/index.html", "text/html; charset=utf-8",
            "/app.js", "text/javascript; charset=utf-8",
            "/style.css", "text/css; charset=utf-8");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.equals("/")) {
            resp.setStatus(302);
            resp.setHeader("Location", "/ui/index.html");
            return;
        }
        String type = FILES.get(path);
        InputStream in = type == null ? null : UiServlet.class.getResourceAsStream("/ui" + path);
        if (in == null) {
            resp.sendError(404);
            return;
        }
        try (in) {
            resp.setStatus(200);
            resp.setContentType(type);
            resp.setHeader("Cache-Control", "no-cache");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.setHeader("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
            in.transferTo(resp.getOutputStream());
        }
    }
}
