namespace CapacityTools.Core.Tests.Reporting;

/// <summary>
/// A test that needs the system's headless Chromium (Debian's chromium package). Without it the test is skipped with
/// a message saying how to enable it; under CI=true it runs anyway, so a missing browser fails instead of skipping.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Skip = "No Chromium found (CAPACITYTOOLS_CHROMIUM, /usr/bin/chromium): install it with 'apt-get install -y --no-install-recommends chromium' (build.ps1 -Task Test does so as root on Debian).";
    }
}

internal static class Chromium
{
    public static string? Path { get; } = new[] { Environment.GetEnvironmentVariable("CAPACITYTOOLS_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
        .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
}
