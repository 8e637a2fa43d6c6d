using Amazon.S3;
using Tributary.Handlers;
using Tributary.Handlers.S3;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Handlers;

/// <summary>
/// A host with no <c>Tributary:S3:AccessKey</c>/<c>SecretKey</c> signs with the AWS SDK's default credential chain,
/// here its first link, the <c>AWS_ACCESS_KEY_ID</c>/<c>AWS_SECRET_ACCESS_KEY</c> environment variables.
/// </summary>
/// <remarks>
/// One test only: the SDK may cache what its default chain resolved for the process, so a second test with other
/// variables could see this one's credentials.
/// </remarks>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class S3DefaultCredentialChainTests
{
    [Fact]
    public async Task WriteAndRead_NoConfiguredCredentials_UseTheEnvironmentsCredentials()
    {
        var server = await S3rverServer.Shared;
        var bucket = $"chain-{Guid.NewGuid():N}";
        using (var admin = server.CreateClient())
        {
            await admin.PutBucketAsync(bucket);
        }

        using var accessKey = new EnvironmentVariableScope("AWS_ACCESS_KEY_ID", S3rverServer.AccessKey);
        using var secretKey = new EnvironmentVariableScope("AWS_SECRET_ACCESS_KEY", S3rverServer.SecretKey);
        var handler = S3Hosts.Catalog(server, bucket, configure: options =>
            {
                options.AccessKey = null;
                options.SecretKey = null;
            })
            .GetHandler(S3ResultHandler.DescriptorFor());

        // Nothing else gives this host a credential: without the variables the SDK would fail before sending.
        var location = await handler.WriteAsync("signed by the chain", typeof(string));

        Assert.Equal("signed by the chain", await handler.ReadAsync(location, typeof(string)));
        Assert.StartsWith($"s3://{bucket}/", location!.GetValue<string>(), StringComparison.Ordinal);
    }
}
