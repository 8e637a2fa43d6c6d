using System.Reflection;
using Tributary.Tests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Tributary.Tests.Infrastructure.TributaryTestFramework", "Tributary.Tests")]

namespace Tributary.Tests.Infrastructure;

/// <summary>
/// xUnit's own framework plus one hook at the end of the run: it stops the shared <see cref="AzuriteServer"/> and <see cref="S3rverServer"/> before
/// the run reports that it has finished.
/// </summary>
/// <remarks>
/// xUnit 2 has no assembly-wide fixture, and a ProcessExit handler is not enough: the test platform ends the test host
/// soon after the run finishes, which can cut a graceful stop short.
/// </remarks>
public sealed class TributaryTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        // async void as in the base class: the runner reports completion through the message sink.
        protected override async void RunTestCases(
            IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            try
            {
                await AzuriteServer.StopSharedAsync();
            }
            catch (Exception ex)
            {
                Aggregator.Add(ex);
            }

            try
            {
                await S3rverServer.StopSharedAsync();
            }
            catch (Exception ex)
            {
                Aggregator.Add(ex);
            }

            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
