package org.innoreg.indicators.resource;

import java.util.List;
import org.innoreg.chassis.bulk.BulkFormat;
import org.innoreg.chassis.bulk.TableWriter;
import org.innoreg.indicators.domain.Indicator;
import org.innoreg.indicators.mapping.ObservationView;

/** A series as a file: SDMX-CSV, or rows of cells in CSV or a workbook. */
final class SeriesFiles {

    private SeriesFiles() {}

    /** The series in SDMX-CSV, one row per cell. */
    static String sdmxCsv(Indicator indicator, List<ObservationView> values) {
        StringBuilder csv =
                new StringBuilder(
                        "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS\n");
        for (ObservationView v : values) {
            csv.append("dataflow,INNOREG:")
                    .append(indicator.code.toUpperCase())
                    .append("(1.0),I,")
                    .append(v.region())
                    .append(',')
                    .append(v.period())
                    .append(',')
                    .append(v.value().toPlainString())
                    .append(',')
                    .append(indicator.unit)
                    .append(',')
                    .append(
                            v.status() == org.innoreg.indicators.domain.ObservationStatus.FINAL
                                    ? "A"
                                    : "P")
                    .append('\n');
        }
        return csv.toString();
    }

    /** The series as rows of cells, a CSV file (no byte-order mark, as before) or a workbook. */
    static void table(List<ObservationView> values, BulkFormat format, java.io.OutputStream out)
            throws java.io.IOException {
        try (TableWriter table = TableWriter.open(format, out, false)) {
            table.header(List.of("indicator", "region", "period", "value", "status", "recordedAt"));
            for (ObservationView v : values) {
                table.row(
                        java.util.Arrays.asList(
                                v.indicator(),
                                v.region(),
                                v.period(),
                                v.value(),
                                v.status().name(),
                                v.recordedAt()));
            }
            table.finish();
        }
    }
}
