package org.innoreg.gateway.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.innoreg.chassis.events.ReceivedEvent;
import org.junit.jupiter.api.Test;

/**
 * Feed positions are given in commit order, so a reader paging with {@code after} never skips a row
 * that a slower transaction (another gateway replica's) committed later with a lower position:
 * while one transaction that has appended to the feed is open, another append waits, and then gets
 * the higher position.
 */
@QuarkusTest
class FeedCommitOrderTest {

    @Inject FeedEventHandler feed;

    @Inject FeedRepository repository;

    @Inject ObjectMapper json;

    @Test
    void anAppendWaitsForTheOpenOneAndIsPositionedAfterIt() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> slow =
                CompletableFuture.runAsync(
                        () ->
                                QuarkusTransaction.requiringNew()
                                        .run(
                                                () -> {
                                                    feed.apply(event(first));
                                                    appended.countDown();
                                                    await(commit); // a slow transaction:
                                                    // appended, not yet committed
                                                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> fast =
                CompletableFuture.runAsync(
                        () ->
                                QuarkusTransaction.requiringNew()
                                        .run(() -> feed.apply(event(second))));

        Thread.sleep(1000);
        assertThat(fast).as("an append while another is uncommitted waits for it").isNotDone();
        commit.countDown();
        slow.get(30, TimeUnit.SECONDS);
        fast.get(30, TimeUnit.SECONDS);

        List<String> inOrder =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        repository
                                                .after(0, FeedRepository.FeedFilter.NONE, 1000)
                                                .stream()
                                                .filter(
                                                        e ->
                                                                e.event().contains(first)
                                                                        || e.event()
                                                                                .contains(second))
                                                .map(
                                                        e ->
                                                                e.event().contains(first)
                                                                        ? first
                                                                        : second)
                                                .toList());
        assertThat(inOrder).as("positions in commit order").containsExactly(first, second);
    }

    private ReceivedEvent event(String id) {
        String subject = UUID.randomUUID().toString();
        return ReceivedEvent.parse(
                """
                {"specversion":"1.0","id":"%s","source":"urn:innoreg:registry","type":"org.innoreg.registry.platform.created",
                 "subject":"%s","time":"2026-12-01T08:00:00Z","datacontenttype":"application/json","sequence":"%020d",
                 "data":{"id":"%s","regionCode":"430703"}}
                """
                        .formatted(id, subject, 1, subject),
                "registry.platform.v1",
                json);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
