package org.innoreg.projects.domain;

public enum InvestorOrigin {
    DOMESTIC,
    FOREIGN,
    HONG_KONG_MACAO_TAIWAN
}
