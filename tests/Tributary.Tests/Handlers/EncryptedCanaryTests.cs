using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Tributary.Client;
using Tributary.Flows;
using Tributary.Grains;
using Tributary.Handlers;
using Tributary.Handlers.Encryption;
using Tributary.Results;
using Tributary.States;
using Tributary.Tests.Infrastructure;
using Tributary.Tests.Runs;

namespace Tributary.Tests.Handlers;

/// <summary>
/// A run on an embedded silo whose configured global default is the local handler, encrypted: the outputs' plaintext
/// canary is in no stored file (only in what decrypting them gives) and nowhere in the orchestration state (grain state as
/// the storage serializer writes it, snapshots, safe values), and no key material (the key-encryption keys as configured or
/// raw, the data keys unwrapped from the stored objects, the wrapped data keys) is anywhere in the state either.
/// </summary>
public sealed class EncryptedCanaryTests
{
    private const string Flow = "encrypted-canary";
    private static readonly string Canary = $"CANARY-{Guid.NewGuid():N}";
    private static readonly Serializer StorageSerializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public async Task Run_EncryptedDefault_NoPlaintextInStoredObjectsAndNoPlaintextOrKeyMaterialInState()
    {
        using var results = new TempDirectory();
        var keys = new EncryptionTestKeys();
        var settings = keys.Configuration("k2", "k1", "k2");
        settings["Tributary:ResultHandler:Kind"] = LocalResultHandler.Kind;
        settings["Tributary:ResultHandler:Settings:directory"] = results.Path;
        settings["Tributary:ResultHandler:Encrypted"] = "true";
        await using var client = await TributaryClientFactory.StartEmbeddedAsync(
            tributary => tributary.AddFlow(DefineFlow()), new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var runId = await client.StartFlowRunAsync(Flow);

        // combine's second attempt is held with its inputs cached (memory's, never checkpointed, as an encrypted copy):
        // scan then, and at the end.
        var combine = client.Cluster.GetGrain<ITaskRunGrain>(TaskRunKey.Of(runId, "combine"));
        await Poll.UntilAsync(async () => (await combine.GetStateAsync()).CachedInputs.Count == 2, TimeSpan.FromSeconds(30), "combine's retry with its cached inputs");
        var retrying = await combine.GetStateAsync();
        Assert.All(retrying.CachedInputs.Values, cached => Assert.Equal(EncryptedResultHandler.Kind, cached.Handler.Kind));
        await AssertNothingLeaksAsync(client, runId, keys, results.Path, expectedObjects: 2); // secret's checkpoint, memory's copy
        TaskProbes.Gate(runId, "combine").TrySetResult();
        var final = await client.WaitForFlowRunAsync(runId, TimeSpan.FromSeconds(60));

        Assert.Equal(FlowRunStatus.Success, final.Flow.Status);
        await AssertNothingLeaksAsync(client, runId, keys, results.Path, expectedObjects: 2); // secret, combine (the cached copy is deleted)
        var read = await client.ReadTaskResultAsync<string>(runId, "combine");
        Assert.Equal($"{Canary}-secret+{Canary}-memory+{Canary}-combine", read.Value);
        Assert.DoesNotContain(Canary, ((SafeResult)read.SafeValue).Json);
        var dry = await client.ReencryptFlowRunAsync(runId, dryRun: true);
        Assert.Equal(2, dry.Current); // written under the active key already
        Assert.Empty(dry.Failures);
    }

    private static async Task AssertNothingLeaksAsync(TributaryClient client, string runId, EncryptionTestKeys keys, string directory, int expectedObjects)
    {
        // The stored objects: none holds the plaintext, and each decrypts to a canary, so the scan of the state below
        // looks for a value that exists. Their data keys, unwrapped here, join the key material looked for.
        var files = Directory.GetFiles(directory, "*.json", SearchOption.AllDirectories);
        Assert.Equal(expectedObjects, files.Length);
        var secrets = new List<string>();
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.False(Holds(bytes, Canary), $"{file} holds the plaintext canary.");
            var envelope = JsonSerializer.Deserialize<EncryptedEnvelope>(bytes)!;
            var dataKey = EnvelopeCipher.Unwrap(envelope, Convert.FromBase64String(keys[envelope.KeyId]));
            Assert.Contains(Canary, Encoding.UTF8.GetString(EnvelopeCipher.Open(envelope, Convert.FromBase64String(keys[envelope.KeyId]))));
            secrets.AddRange([Convert.ToBase64String(dataKey), Convert.ToBase64String(envelope.WrappedKey)]);
            secrets.AddRange(RawForms(dataKey));
        }

        foreach (var key in keys.All)
        {
            secrets.Add(key);
            secrets.AddRange(RawForms(Convert.FromBase64String(key)));
        }

        // The orchestration state: the snapshot the API gives, and each grain's state as JSON and as the storage
        // serializer writes it (the bytes grain storage holds).
        var snapshot = await client.GetFlowRunAsync(runId);
        var places = new List<(string Where, byte[] Bytes)>
        {
            ("snapshot", JsonSerializer.SerializeToUtf8Bytes(snapshot)),
            ("flow state", StorageSerializer.SerializeToArray(snapshot.Flow)),
        };
        foreach (var task in snapshot.Tasks)
        {
            var state = await client.Cluster.GetGrain<ITaskRunGrain>(TaskRunKey.Of(runId, task.TaskName)).GetStateAsync();
            places.Add(($"{task.TaskName} state (JSON)", JsonSerializer.SerializeToUtf8Bytes(state)));
            places.Add(($"{task.TaskName} state (storage)", StorageSerializer.SerializeToArray(state)));
        }

        foreach (var (where, bytes) in places)
        {
            Assert.False(Holds(bytes, Canary), $"The {where} holds the plaintext canary.");
            Assert.DoesNotContain(secrets, secret => Holds(bytes, secret));
        }

        // The scan reads the safe values: each stored object's path is in the state, as storage holds it.
        var paths = snapshot.Tasks.SelectMany(SafeValues).Select(safe => JsonNode.Parse(safe.Json)!["inner"]!.GetValue<string>()).ToList();
        Assert.Equal(files.Order(), paths.Distinct().Order());
        Assert.All(paths, path => Assert.Contains(places, place => place.Where.EndsWith("(storage)", StringComparison.Ordinal) && Holds(place.Bytes, path)));
    }

    private static IEnumerable<SafeResult> SafeValues(TaskRunState task) =>
        task.Output is { } output ? [output, .. task.CachedInputs.Values] : task.CachedInputs.Values;

    // A key as raw bytes (as a binary serializer would hold them) and in hex.
    private static IEnumerable<string> RawForms(byte[] key) =>
        [Encoding.Latin1.GetString(key), Convert.ToHexString(key), Convert.ToHexString(key).ToLowerInvariant()];

    private static bool Holds(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Latin1.GetBytes(text)) >= 0;

    private static FlowDefinition DefineFlow()
    {
        var flow = new FlowBuilder(Flow);
        var secret = flow.Task("secret", () => $"{Canary}-secret", new TaskOptions { Checkpoint = true });
        var memory = flow.Task("memory", () => $"{Canary}-memory", new TaskOptions { Checkpoint = false });
        flow.Task(
                "combine",
                async (string secret, string kept, TaskRunContext context) =>
                {
                    if (TaskProbes.Count(context) == 1)
                    {
                        throw new InvalidOperationException("first attempt fails; the input is cached");
                    }

                    await TaskProbes.Gate(context.FlowRunId, "combine").Task;
                    return $"{secret}+{kept}+{Canary}-combine";
                },
                new TaskOptions { Checkpoint = true, MaxRetries = 1 })
            .WithInput("secret", secret)
            .WithInput("kept", memory);
        return flow.Build();
    }
}
