<#
.SYNOPSIS
    Refreshes docs/capacity-report.png, the README's picture of the demo report, with the system's headless
    Chromium (the browser the tests render the report in). Run 'build.ps1 -Task Demo' first.
#>
param(
    [string] $Report = (Join-Path $PSScriptRoot '../out/demo/capacity-report.html'),
    [string] $OutFile = (Join-Path $PSScriptRoot '../docs/capacity-report.png'),
    [string] $Chromium = $(if ($env:CAPACITYTOOLS_CHROMIUM) { $env:CAPACITYTOOLS_CHROMIUM } else { '/usr/bin/chromium' })
)

$ErrorActionPreference = 'Stop'
if (-not (Test-Path $Chromium)) { throw "No Chromium at ${Chromium}: install it with 'apt-get install -y --no-install-recommends chromium'." }
$url = [Uri]::new((Resolve-Path $Report).Path).AbsoluteUri
& $Chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "--screenshot=$([IO.Path]::GetFullPath($OutFile))" --window-size=1000,1300 $url 2>&1 | Where-Object { $_ -match "bytes written" } | Out-Host
if ($LASTEXITCODE -ne 0) { throw "Chromium failed with exit code $LASTEXITCODE." }
Get-Item $OutFile
