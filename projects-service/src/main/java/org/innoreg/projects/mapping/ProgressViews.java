package org.innoreg.projects.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.security.Unpublished;
import org.innoreg.projects.domain.Milestone;
import org.innoreg.projects.domain.Obstacle;
import org.innoreg.projects.domain.ReviewCadence;

/** What the progress endpoints return. */
public final class ProgressViews {

    private ProgressViews() {}

    @Schema(name = "InvestmentReport")
    public record Report(
            @Schema(example = "2018-07") String month, BigDecimal cumulative, String note) {}

    @Schema(name = "Review")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Review(
            LocalDate reviewedOn,
            @Unpublished @Schema(description = Unpublished.DESCRIPTION) String reviewer,
            @Unpublished @Schema(description = Unpublished.DESCRIPTION) String summary) {}

    @Schema(name = "Milestone")
    public record MilestoneView(
            Long id,
            UUID projectId,
            String title,
            LocalDate plannedOn,
            LocalDate actualOn,
            @Schema(description = "SCHEDULED, MET or MISSED as of the day asked about")
                    Milestone.Status status) {

        public static MilestoneView of(Milestone m, LocalDate asOf) {
            return new MilestoneView(
                    m.id, m.projectId, m.title, m.plannedOn, m.actualOn, m.statusOn(asOf));
        }
    }

    @Schema(name = "Obstacle")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ObstacleView(
            Long id,
            UUID projectId,
            @Unpublished @Schema(description = Unpublished.DESCRIPTION) String problem,
            String department,
            LocalDate raisedOn,
            LocalDate resolvedOn,
            @Unpublished @Schema(description = Unpublished.DESCRIPTION) String resolution,
            @Schema(description = "Days open: to its resolution, or to the day asked about")
                    long ageDays) {

        public static ObstacleView of(Obstacle o, LocalDate asOf) {
            LocalDate end = o.resolvedOn != null ? o.resolvedOn : asOf;
            return new ObstacleView(
                    o.id,
                    o.projectId,
                    o.problem,
                    o.department,
                    o.raisedOn,
                    o.resolvedOn,
                    o.resolution,
                    Math.max(0, ChronoUnit.DAYS.between(o.raisedOn, end)));
        }
    }

    @Schema(
            name = "OverdueReview",
            description = "A project whose last review is older than its cadence allows")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Overdue(
            UUID projectId,
            String name,
            String regionCode,
            @Unpublished @Schema(description = Unpublished.DESCRIPTION) String responsibleOfficial,
            ReviewCadence reviewCadence,
            @Schema(description = "Last review on or before asOf; absent if none")
                    LocalDate lastReviewedOn,
            @Schema(description = "When a review was due") LocalDate dueOn,
            @Schema(example = "12") long daysOverdue) {}
}
