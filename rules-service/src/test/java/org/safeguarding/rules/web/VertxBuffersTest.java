package org.safeguarding.rules.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/**
 * What {@link VertxBuffers} relies on in Vert.x and Quarkus internals, checked directly, so an
 * upgrade that moves or changes it fails here by name (a moved class fails to compile first)
 * rather than as a slower or leaking service.
 */
class VertxBuffersTest {

    @Test
    void a_response_is_written_once_into_a_pooled_direct_buffer_of_its_exact_length() {
        byte[] body = "{\"pathway\":\"EMERGENCY\"}".getBytes(StandardCharsets.UTF_8);
        Buffer buffer = VertxBuffers.pooledDirect(body.length, view -> view.put(body));
        ByteBuf bytes = buffer.getByteBuf();
        try {
            assertThat(bytes.isDirect()).as("direct: no copy on the way to the socket").isTrue();
            assertThat(bytes.alloc()).as("from the pooled allocator Quarkus REST uses").isInstanceOf(PooledByteBufAllocator.class);
            assertThat(buffer.length()).isEqualTo(body.length);
            assertThat(buffer.getBytes()).isEqualTo(body);
        } finally {
            bytes.release();
        }
        assertThat(bytes.refCnt()).as("back to the pool once released").isZero();
    }

    @Test
    void a_buffer_that_could_not_be_filled_goes_back_to_the_pool() {
        PooledByteBufAllocator pool = (PooledByteBufAllocator) io.vertx.core.buffer.impl.VertxByteBufAllocator.POOLED_ALLOCATOR;
        long before = pool.metric().usedDirectMemory();
        for (int i = 0; i < 1_000; i++) {
            try {
                VertxBuffers.pooledDirect(64 * 1024, view -> {
                    throw new IllegalStateException("the encoder failed");
                });
            } catch (IllegalStateException expected) {
                // released by the adapter
            }
        }
        assertThat(pool.metric().usedDirectMemory() - before).as("direct memory held after 1,000 failed fills").isLessThan(8L * 1024 * 1024);
    }
}
