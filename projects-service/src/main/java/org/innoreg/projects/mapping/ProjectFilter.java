package org.innoreg.projects.mapping;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.innoreg.projects.domain.InvestmentTier;
import org.innoreg.projects.domain.ProjectKind;
import org.innoreg.projects.domain.ProjectStage;

/** What a project list is narrowed to; empty sets and nulls mean "any". */
public record ProjectFilter(
        Set<ProjectStage> stages,
        Set<InvestmentTier> tiers,
        String region,
        UUID park,
        String industryChain,
        ProjectKind kind,
        Integer signedYear,
        Integer landedYear,
        String investor,
        OffsetDateTime changedSince,
        String q) {}
