package org.innoreg.projects.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.projects.domain.ReviewCadence;

/** What the progress endpoints return. */
public final class ProgressViews {

    private ProgressViews() {
    }

    @Schema(name = "InvestmentReport")
    public record Report(@Schema(example = "2018-07") String month, BigDecimal cumulative, String note) {
    }

    @Schema(name = "Review")
    public record Review(LocalDate reviewedOn, String reviewer, String summary) {
    }

    @Schema(name = "OverdueReview", description = "A project whose last review is older than its cadence allows")
    public record Overdue(UUID projectId, String name, String regionCode, String responsibleOfficial,
            ReviewCadence reviewCadence,
            @Schema(description = "Last review on or before asOf; absent if none") LocalDate lastReviewedOn,
            @Schema(description = "When a review was due") LocalDate dueOn,
            @Schema(example = "12") long daysOverdue) {
    }
}
