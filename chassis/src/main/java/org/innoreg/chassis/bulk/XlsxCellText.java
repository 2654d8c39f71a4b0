package org.innoreg.chassis.bulk;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A numeric cell's text. POI hands every number to a formatter; this one writes what the CSV path
 * parses rather than what Excel displays: dates in ISO form, other numbers as plain decimals,
 * except a format of zeros only ({@code 000000}), which is how a code typed as a number keeps its
 * leading zeros on screen.
 */
final class XlsxCellText extends DataFormatter {

    private final boolean date1904;

    XlsxCellText(boolean date1904) {
        this.date1904 = date1904;
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime time = DateUtil.getLocalDateTime(value, date1904);
            return time.toLocalTime().equals(LocalTime.MIDNIGHT)
                    ? time.toLocalDate().toString()
                    : time.toString();
        }
        if (formatString != null && formatString.matches("0{2,}")) {
            return super.formatRawCellContents(value, formatIndex, formatString);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
