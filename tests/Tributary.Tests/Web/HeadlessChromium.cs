using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tributary.Tests.Infrastructure;

namespace Tributary.Tests.Web;

/// <summary>
/// The system's headless Chromium, driven over the DevTools protocol (a WebSocket): navigate, evaluate, screenshot.
/// No browser automation package and no downloaded browser: Debian's <c>chromium</c> only.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    /// <summary>Where Debian's package installs the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly Process _process;
    private readonly TempDirectory _profile;
    private readonly ClientWebSocket _socket;
    private int _nextId;

    private HeadlessChromium(Process process, TempDirectory profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
    }

    /// <summary>Starts the browser on a blank page and connects to that page.</summary>
    public static async Task<HeadlessChromium> StartAsync(CancellationToken cancellationToken)
    {
        var profile = new TempDirectory();
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900",
                     $"--user-data-dir={profile.Path}", "--remote-debugging-port=0", "about:blank",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var socket = new ClientWebSocket();
        try
        {
            // The browser writes the port it chose (port 0 asked for one) to this file once it listens.
            var portFile = Path.Combine(profile.Path, "DevToolsActivePort");
            while (!File.Exists(portFile) || File.ReadAllLines(portFile).Length < 2)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Chromium exited with code {process.ExitCode} before it listened.");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }

            var port = int.Parse(File.ReadAllLines(portFile)[0], CultureInfo.InvariantCulture);
            using var http = new HttpClient();
            var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list", cancellationToken))!.AsArray();
            var page = targets.First(target => (string?)target!["type"] == "page")!;
            await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), cancellationToken);
            return new HeadlessChromium(process, profile, socket);
        }
        catch
        {
            socket.Dispose();
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            process.Dispose();
            profile.Dispose();
            throw;
        }
    }

    /// <summary>Opens a URL and waits until the page has loaded.</summary>
    public async Task NavigateAsync(Uri url, CancellationToken cancellationToken)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri }, cancellationToken);
        await WaitUntilAsync($"document.readyState === 'complete' && location.href === {JsonSerializer.Serialize(url.AbsoluteUri)}", cancellationToken);
    }

    /// <summary>Evaluates a JavaScript expression in the page and gives its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync(
            "Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, cancellationToken);
        return result["result"]?["value"]?.DeepClone();
    }

    /// <summary>Waits until a JavaScript expression is true in the page (it is asked again every 50 ms).</summary>
    public async Task WaitUntilAsync(string expression, CancellationToken cancellationToken)
    {
        while ((await EvaluateAsync(expression, cancellationToken))?.GetValue<bool>() != true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>The page's current HTML.</summary>
    public async Task<string> ContentAsync(CancellationToken cancellationToken) =>
        (string)(await EvaluateAsync("document.documentElement.outerHTML", cancellationToken))!;

    /// <summary>Saves a PNG screenshot of the page.</summary>
    public async Task ScreenshotAsync(string path, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)result["data"]!), cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _profile.Dispose();
    }

    // One command at a time: send it, then read messages (skipping events) until its answer.
    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var id = ++_nextId;
        var command = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await _socket.ReceiveAsync(buffer, cancellationToken);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            var answer = JsonNode.Parse(message.ToArray())!;
            if ((int?)answer["id"] != id)
            {
                continue;
            }

            if (answer["error"] is { } error)
            {
                throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
            }

            return answer["result"]!;
        }
    }
}
