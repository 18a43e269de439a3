package org.safeguarding.rules.web;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;
import org.jboss.resteasy.reactive.server.vertx.VertxResteasyReactiveRequestContext;
import org.safeguarding.rules.json.RecommendationJson;

/**
 * Sends a recommendation's encoded pieces by copying them once, straight into a pooled direct
 * buffer that the network layer sends and then releases. A byte array response is copied into
 * the same pool by Quarkus REST; building the array first would copy the 12 KB twice and leave
 * one 12 KB array per decision for the garbage collector (docs/performance.md measures it).
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class EncodedJsonWriter implements ServerMessageBodyWriter<RecommendationJson.Encoded> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return type == RecommendationJson.Encoded.class;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == RecommendationJson.Encoded.class;
    }

    @Override
    public void writeResponse(RecommendationJson.Encoded json, Type genericType, ServerRequestContext context) {
        if (!(context.serverResponse() instanceof VertxResteasyReactiveRequestContext vertx)) {
            context.serverResponse().end(json.toByteArray());
            return;
        }
        // The pool Quarkus REST itself uses for byte array responses: one pool for both.
        vertx.end(VertxBuffers.pooledDirect(json.length(), json::copyTo));
    }

    @Override
    public void writeTo(RecommendationJson.Encoded json, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(json.toByteArray());
    }
}
