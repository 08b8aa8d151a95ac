package org.rtmmlab.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Raw HTTP/1.1 over a socket: the request line goes out exactly as written (no client-side normalisation of
 * {@code ..} or percent escapes), which the path-traversal test needs.
 */
final class Http {

    /** Status and body. */
    record Response(int status, String body) {
    }

    private Http() {
    }

    static Response send(int port, String method, String target, String headers, String body) throws IOException {
        byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            String extra = headers == null ? "" : headers;
            String host = extra.regionMatches(true, 0, "Host:", 0, 5) || extra.toLowerCase(java.util.Locale.ROOT).contains("\r\nhost:")
                    ? "" : "Host: 127.0.0.1:" + port + "\r\n";
            String head = method + " " + target + " HTTP/1.1\r\n" + host + "Connection: close\r\n"
                    + extra + "Content-Length: " + b.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            return new Response(status, split < 0 ? "" : text.substring(split + 4));
        }
    }
}
