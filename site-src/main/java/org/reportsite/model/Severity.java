package org.reportsite.model;

/** An error fails the build; a warning is reported and the build goes on. */
public enum Severity { ERROR, WARNING }
