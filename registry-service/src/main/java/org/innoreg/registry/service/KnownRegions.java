package org.innoreg.registry.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.registry.repository.PlatformViewQuery;
import org.innoreg.registry.repository.RegionRepository;

/**
 * A region filter names a region of the registry, or it is a 400 problem naming the parameter:
 * {@code ?region=430799} (no such division) answered an empty list, which a caller could not tell
 * from a region without records. Regions are never deleted, so a code once found is remembered and
 * the filter costs no query after the first.
 */
@ApplicationScoped
public class KnownRegions {

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final RegionRepository regions;
    private final PlatformViewQuery reactive;

    KnownRegions(RegionRepository regions, PlatformViewQuery reactive) {
        this.regions = regions;
        this.reactive = reactive;
    }

    /** On a worker thread (JDBC). */
    public void require(String parameter, String code) {
        if (code == null || known.contains(code)) {
            return;
        }
        if (regions.findByIdOptional(code).isEmpty()) {
            throw unknown(parameter, code);
        }
        known.add(code);
    }

    /** On the event loop (the reactive client). */
    public Uni<Void> requireReactive(String parameter, String code) {
        if (code == null || known.contains(code)) {
            return Uni.createFrom().voidItem();
        }
        return reactive.select(
                        "SELECT code FROM region WHERE code = $1",
                        List.of(code),
                        row -> row.getString(0))
                .map(
                        found -> {
                            if (found.isEmpty()) {
                                throw unknown(parameter, code);
                            }
                            known.add(code);
                            return null;
                        });
    }

    private static ProblemException unknown(String parameter, String code) {
        return ProblemException.invalid(parameter, Messages.text("region.missing", code));
    }
}
