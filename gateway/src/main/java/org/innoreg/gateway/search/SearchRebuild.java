package org.innoreg.gateway.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.innoreg.chassis.events.ReceivedEvent;
import org.innoreg.gateway.feed.FeedRepository;
import org.innoreg.gateway.feed.FeedRepository.Entry;
import org.innoreg.gateway.feed.FeedRepository.FeedFilter;

/**
 * Rebuilds the search read model from scratch by replaying the event feed, which holds every event
 * of the suite's topics since the gateway first consumed them (from the beginning). Runs in one
 * transaction, so searches see the old model until the new one is complete.
 */
@ApplicationScoped
public class SearchRebuild {

    private static final int BATCH = 1000;

    private final FeedRepository feed;
    private final SearchRepository search;
    private final SearchIndexHandler index;
    private final ObjectMapper json;

    SearchRebuild(
            FeedRepository feed,
            SearchRepository search,
            SearchIndexHandler index,
            ObjectMapper json) {
        this.feed = feed;
        this.search = search;
        this.index = index;
        this.json = json;
    }

    /**
     * @return how many events were replayed into the model
     */
    public long rebuild() {
        return QuarkusTransaction.requiringNew()
                .timeout(3600)
                .call(
                        () -> {
                            search.clear();
                            long replayed = 0;
                            long after = 0;
                            for (List<Entry> page = feed.after(after, FeedFilter.NONE, BATCH);
                                    !page.isEmpty();
                                    page = feed.after(after, FeedFilter.NONE, BATCH)) {
                                for (Entry entry : page) {
                                    ReceivedEvent event =
                                            ReceivedEvent.parse(entry.event(), entry.topic(), json);
                                    if (index.topics().matcher(event.topic()).matches()) {
                                        index.apply(event);
                                        replayed++;
                                    }
                                    after = entry.position();
                                }
                            }
                            return replayed;
                        });
    }
}
