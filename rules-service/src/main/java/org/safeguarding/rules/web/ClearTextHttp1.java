package org.safeguarding.rules.web;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The plain-HTTP port speaks HTTP/1.1 only: it does not accept an upgrade to clear-text HTTP/2
 * (h2c). Java's own HttpClient asks for that upgrade by default, and on JDK 17 connections made
 * that way now and then stopped answering or read a response body as HTTP/2 frames
 * ("Frame type(100) ... exceeds MAX_FRAME_SIZE"): an MIS on Java would have seen decisions fail.
 * A client that asks still gets its answer, in HTTP/1.1. HTTPS keeps HTTP/2, chosen by ALPN.
 */
@ApplicationScoped
public class ClearTextHttp1 implements HttpServerOptionsCustomizer {
    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
