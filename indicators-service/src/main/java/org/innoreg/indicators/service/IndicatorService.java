package org.innoreg.indicators.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.write.WritePipeline;
import org.innoreg.indicators.domain.Indicator;
import org.innoreg.indicators.domain.IndicatorKind;
import org.innoreg.indicators.mapping.IndicatorInput;
import org.innoreg.indicators.mapping.IndicatorMapper;
import org.innoreg.indicators.publishing.IndicatorEvents;
import org.innoreg.indicators.repository.IndicatorRepository;

@ApplicationScoped
public class IndicatorService {

    private final IndicatorRepository indicators;
    private final IndicatorEvents events;
    private final WritePipeline writes;

    IndicatorService(IndicatorRepository indicators, IndicatorEvents events, WritePipeline writes) {
        this.indicators = indicators;
        this.events = events;
        this.writes = writes;
    }

    /**
     * Definitions by code, of a kind and last changed at or after {@code changedSince}; null: any.
     */
    public List<Indicator> list(IndicatorKind kind, java.time.OffsetDateTime changedSince) {
        List<String> where = new java.util.ArrayList<>();
        io.quarkus.panache.common.Parameters params = new io.quarkus.panache.common.Parameters();
        if (kind != null) {
            where.add("kind = :kind");
            params.and("kind", kind);
        }
        if (changedSince != null) {
            where.add("updatedAt >= :changedSince");
            params.and("changedSince", changedSince);
        }
        return where.isEmpty()
                ? indicators.listAll(Sort.by("code"))
                : indicators.list(String.join(" and ", where), Sort.by("code"), params);
    }

    public Indicator get(String code) {
        return indicators
                .findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound("indicator", code));
    }

    @Transactional
    public Indicator create(IndicatorInput input) {
        return writes.create(
                events,
                IndicatorMapper.toReportedIndicator(input),
                indicator -> {
                    if (indicators.findByIdOptional(indicator.code).isPresent()) {
                        throw ProblemException.conflict(
                                "duplicate", Messages.text("indicator.exists", indicator.code));
                    }
                });
    }
}
