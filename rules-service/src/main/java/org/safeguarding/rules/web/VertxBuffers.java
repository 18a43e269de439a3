package org.safeguarding.rules.web;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.quarkus.vertx.utils.NoBoundChecksBuffer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.buffer.impl.VertxByteBufAllocator;

/**
 * The one place that reaches into Vert.x and Quarkus internals (their {@code impl} and {@code utils}
 * packages): a response body written once into a pooled direct buffer, the pool and the buffer type
 * Quarkus REST itself uses for byte array responses. Nothing public offers this; the speed it buys
 * is measured in docs/performance.md. {@code VertxBuffersTest} fails on an upgrade that moves or
 * changes either, and {@code InternalsStayInOneClassTest} keeps every other class off them.
 */
final class VertxBuffers {
    private VertxBuffers() {
    }

    /**
     * A buffer of exactly {@code length} bytes from the pool, filled by {@code fill} through a
     * {@link ByteBuffer} view; Netty releases it once written, or when the connection has gone.
     */
    static Buffer pooledDirect(int length, Consumer<ByteBuffer> fill) {
        ByteBuf buffer = VertxByteBufAllocator.POOLED_ALLOCATOR.directBuffer(length);
        try {
            fill.accept(buffer.nioBuffer(0, length));
            buffer.writerIndex(length);
        } catch (RuntimeException e) {
            buffer.release();
            throw e;
        }
        return new NoBoundChecksBuffer(buffer);
    }
}
