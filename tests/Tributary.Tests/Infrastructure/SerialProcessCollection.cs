namespace Tributary.Tests.Infrastructure;

/// <summary>
/// Tests that start silo processes again and again for a minute or more: they run alone, after the parallel
/// collections, so that on a small machine they do not slow down the tests that measure a timing target (the crash
/// tests' recovery times, the CLI's connect timeout).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialProcessCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Serial silo processes";
}
