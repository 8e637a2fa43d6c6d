namespace Tributary.Tests.Infrastructure;

/// <summary>A request the <see cref="GcsTestServer"/> received.</summary>
/// <param name="Method">GET, POST, PUT, DELETE.</param>
/// <param name="Operation">What it was: <c>upload-start</c>, <c>upload-chunk</c>, <c>upload-multipart</c>, <c>download</c>, <c>metadata</c>, <c>list</c>, <c>delete</c>, or <c>unknown</c>.</param>
/// <param name="Bucket">The bucket it named, if any.</param>
/// <param name="Name">The object it named, if any.</param>
/// <param name="Target">The raw path and query.</param>
/// <param name="Authorization">Its Authorization header, if any.</param>
/// <param name="BodyLength">The bytes of its body.</param>
/// <param name="Status">What the server answered.</param>
public sealed record GcsRequest(
    string Method, string Operation, string? Bucket, string? Name, string Target, string? Authorization, long BodyLength, int Status);
