using Tributary.Client.Encryption;

namespace Tributary.Client;

/// <summary>
/// Key rotation of encrypted results, as a program does it: re-encrypt a run's stored results under the active key of
/// this client's key ring (<c>Tributary:Encryption</c>). <see cref="TributaryClient"/> implements it; inject this interface
/// so that tests can give a fake.
/// </summary>
public interface ITributaryEncryptionClient
{
    /// <summary>
    /// Re-encrypts every stored result of a run that the encrypting handler wrote (task outputs, and input copies cached
    /// for retries) under the active key, through the safe values of the run's snapshot: each object's data key is
    /// rewrapped and the object rewritten in place, so the safe values stay valid and read with the new key alone. Results
    /// already under the active key are left as they are; other handlers' results are not touched.
    /// </summary>
    /// <param name="flowRunId">The run.</param>
    /// <param name="dryRun">Only list what would change; write nothing.</param>
    /// <param name="cancellationToken">Cancels the work (results already rewritten stay rewritten, and readable).</param>
    /// <returns>Each encrypted result and what was done to it, and the results that could not be re-encrypted and why.</returns>
    /// <exception cref="FlowRunNotFoundException">No run has that id.</exception>
    /// <exception cref="InvalidOperationException">The run has encrypted results, but this client has no key ring (<c>Tributary:Encryption</c>).</exception>
    Task<FlowRunReencryption> ReencryptFlowRunAsync(string flowRunId, bool dryRun = false, CancellationToken cancellationToken = default);
}
