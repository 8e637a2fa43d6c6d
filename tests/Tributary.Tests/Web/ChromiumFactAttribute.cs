namespace Tributary.Tests.Web;

/// <summary>
/// A test that drives the system's Chromium (<see cref="HeadlessChromium.ExecutablePath"/>); skipped, saying why, only
/// when that browser is not installed. No browser is ever downloaded.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>Marks the test skipped when Chromium is missing.</summary>
    public ChromiumFactAttribute()
    {
        if (!File.Exists(HeadlessChromium.ExecutablePath))
        {
            Skip = $"Chromium is not installed at {HeadlessChromium.ExecutablePath} (Debian: apt-get install -y chromium).";
        }
    }
}
