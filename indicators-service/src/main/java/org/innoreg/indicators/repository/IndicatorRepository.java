package org.innoreg.indicators.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.innoreg.indicators.domain.Indicator;

@ApplicationScoped
public class IndicatorRepository implements PanacheRepositoryBase<Indicator, String> {}
