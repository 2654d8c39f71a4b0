package org.innoreg.registry.domain;

/** The academy an academician belongs to: Chinese Academy of Sciences or of Engineering. */
public enum Academy {
    CAS,
    CAE
}
