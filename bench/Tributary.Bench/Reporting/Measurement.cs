namespace Tributary.Bench.Reporting;

/// <summary>One timed run of one workload in one configuration.</summary>
public sealed record Measurement(int Round, string Workload, string Configuration, int Tasks, double Milliseconds, long AllocatedBytes);
