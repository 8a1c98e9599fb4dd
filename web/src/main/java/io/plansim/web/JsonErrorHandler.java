package io.plansim.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/** Jetty's own refusals (a malformed or ambiguous URI, a header too large) as the API's JSON, not an HTML page. */
final class JsonErrorHandler extends ErrorHandler {
    private final ObjectMapper json;

    JsonErrorHandler(ObjectMapper json) {
        this.json = json;
        setShowStacks(false);
        setShowServlet(false);
    }

    /** A request Jetty could not parse (an ambiguous URI such as /../x, a bad header). */
    @Override
    public java.nio.ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
        fields.put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        try {
            return java.nio.ByteBuffer.wrap(body(status, reason));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        byte[] body = body(code, message);
        baseRequest.setHandled(true);
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.getOutputStream().flush();
        response.getOutputStream().close();
    }

    private byte[] body(int status, String reason) throws com.fasterxml.jackson.core.JsonProcessingException {
        com.fasterxml.jackson.databind.node.ObjectNode o = json.createObjectNode()
                .put("error", "HTTP " + status + (reason == null || reason.isBlank() ? "" : ": " + reason));
        o.putArray("problems");
        return json.writeValueAsBytes(o);
    }
}
