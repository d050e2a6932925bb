package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** {@code GET /attachments}: the shared repositories' attachment progress. */
final class AttachmentsRoute implements HttpHandler {

    private final AttachmentSource attachments;
    private final ObjectMapper mapper;

    AttachmentsRoute(AttachmentSource attachments, ObjectMapper mapper) {
        this.attachments = attachments;
        this.mapper = mapper;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        HttpJson.send(exchange, mapper, 200, AttachmentsDocument.of(attachments));
    }
}
