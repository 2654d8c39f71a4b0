package org.innoreg.indicators.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.indicators.domain.Indicator;
import org.innoreg.indicators.domain.IndicatorKind;
import org.innoreg.indicators.events.IndicatorEvents;
import org.innoreg.indicators.mapping.IndicatorInput;
import org.innoreg.indicators.mapping.IndicatorMapper;
import org.innoreg.indicators.repository.IndicatorRepository;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class IndicatorService {

    private final IndicatorRepository indicators;
    private final IndicatorEvents events;

    IndicatorService(IndicatorRepository indicators, IndicatorEvents events) {
        this.indicators = indicators;
        this.events = events;
    }

    public List<Indicator> list(IndicatorKind kind) {
        return kind == null ? indicators.listAll(Sort.by("code")) : indicators.list("kind", Sort.by("code"), kind);
    }

    public Indicator get(String code) {
        return indicators.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("indicator", code));
    }

    @Transactional
    public Indicator create(IndicatorInput input) {
        if (indicators.findByIdOptional(input.code()).isPresent()) {
            throw ProblemException.conflict("duplicate", "indicator " + input.code() + " already exists");
        }
        Indicator indicator = IndicatorMapper.toReportedIndicator(input);
        indicators.persist(indicator);
        events.created(indicator);
        return indicator;
    }
}
