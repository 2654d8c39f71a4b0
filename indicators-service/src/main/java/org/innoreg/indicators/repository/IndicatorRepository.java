package org.innoreg.indicators.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.indicators.domain.Indicator;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IndicatorRepository implements PanacheRepositoryBase<Indicator, String> {
}
