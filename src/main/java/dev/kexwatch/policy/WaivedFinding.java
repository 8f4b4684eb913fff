package dev.kexwatch.policy;

/** A finding that a waiver still in force keeps out of the verdict; reports show it with the waiver's reason. */
public record WaivedFinding(Finding finding, Waiver waiver) {
}
