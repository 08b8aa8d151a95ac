package org.rtmmlab.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Just enough of a servlet request and response (dynamic proxies) to call {@link ApiServlet#service} in a test. */
final class FakeHttp {

    private FakeHttp() {
    }

    /** A response as the servlet left it. */
    static final class Response {
        int status = 200;
        final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse proxy() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener l) {
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> switch (m.getName()) {
                        case "setStatus" -> {
                            status = (Integer) a[0];
                            yield null;
                        }
                        case "setHeader" -> {
                            headers.put((String) a[0], (String) a[1]);
                            yield null;
                        }
                        case "setContentType" -> {
                            headers.put("Content-Type", (String) a[0]);
                            yield null;
                        }
                        case "getOutputStream" -> out;
                        default -> null;
                    });
        }
    }

    /** @param headers request headers (Host is 127.0.0.1:8089 unless given) */
    static HttpServletRequest request(String method, String pathInfo, Map<String, String> headers, String body,
                                      Map<String, String> params) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return request(method, pathInfo, headers, new ByteArrayInputStream(bytes), bytes.length, params);
    }

    /**
     * @param in            the body as a stream (e.g. one that counts what is read)
     * @param contentLength the declared Content-Length, -1 for none (chunked)
     */
    static HttpServletRequest request(String method, String pathInfo, Map<String, String> headers, InputStream in,
                                      long contentLength, Map<String, String> params) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.put("Host", "127.0.0.1:8089");
        h.putAll(headers);
        ServletInputStream sin = new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len);
            }

            @Override
            public boolean isFinished() {
                try {
                    return in.available() == 0;
                } catch (IOException e) {
                    return true;
                }
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener l) {
            }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getHeader" -> h.get((String) a[0]);
                    case "getInputStream" -> sin;
                    case "getContentLengthLong" -> contentLength;
                    case "getParameter" -> params.get((String) a[0]);
                    default -> null;
                });
    }
}
