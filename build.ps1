#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, stages, tests and demonstrates the CapacityTools module.
.DESCRIPTION
    -Task Build  builds the solution and stages out/CapacityTools/<version>/ (assemblies, dependencies,
                 manifest stamped with the version of Directory.Build.props, format file, MAML help).
    -Task Test   builds, runs the xunit tests, then Pester in a child pwsh against the staged module, and
                 prints 'N passed, N failed' (both suites together) as its last line.
    -Task Demo   builds, imports the staged module in a child pwsh and runs the main job on embedded data.
    -Task Bench  builds and runs the benchmark scripts in bench/.
    -Task Package builds and packs the staged module into out/packages/CapacityTools.<version>.nupkg (PSResourceGet's
                 Compress-PSResource), the package Install-PSResource installs from a file or NuGet repository.
    -Task Clean  removes build output.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Bench', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
$outRoot = Join-Path $root 'out'

function Get-ModuleVersion {
    $props = [xml](Get-Content -Raw (Join-Path $root 'Directory.Build.props'))
    $props.Project.PropertyGroup.VersionPrefix | Where-Object { $_ } | Select-Object -First 1
}

function Get-StagedModulePath {
    Join-Path $outRoot "CapacityTools/$(Get-ModuleVersion)"
}

function Invoke-Native([string] $What, [scriptblock] $Command) {
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed with exit code $LASTEXITCODE." }
}

# Runs a script in a fresh pwsh of the same version as this one (a loaded assembly cannot be unloaded).
function Invoke-ChildPwsh([string] $File, [string[]] $Arguments = @()) {
    $exe = [Environment]::ProcessPath
    $pwshArgs = @('-NoProfile', '-NonInteractive', '-File', $File) + $Arguments
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') {
        & $exe (Join-Path $PSHOME 'pwsh.dll') @pwshArgs
    } else {
        & $exe @pwshArgs
    }
}

function Invoke-Build {
    $version = Get-ModuleVersion
    $stage = Get-StagedModulePath
    Write-Host "Building CapacityTools $version ($Configuration)" -ForegroundColor Cyan
    Invoke-Native 'dotnet build' { dotnet build (Join-Path $root 'CapacityTools.sln') -c $Configuration --nologo -v quiet -clp:ErrorsOnly }

    $publish = Join-Path $root "src/CapacityTools.PowerShell/bin/$Configuration/publish"
    Invoke-Native 'dotnet publish' { dotnet publish (Join-Path $root 'src/CapacityTools.PowerShell') -c $Configuration --no-build -o $publish --nologo -v quiet }

    if (Test-Path $stage) { Remove-Item $stage -Recurse -Force }
    $deps = Join-Path $stage 'deps'
    $null = New-Item -ItemType Directory -Path (Join-Path $stage 'en-US'), $deps -Force
    # The cmdlets, the core and their runtime dependencies go to deps/, loaded apart from other modules'
    # copies (see module/CapacityTools.psm1); System.Management.Automation comes from the host.
    Get-ChildItem $publish -Filter *.dll |
        Where-Object Name -NE 'System.Management.Automation.dll' |
        Copy-Item -Destination $deps
    Copy-Item (Join-Path $root "src/CapacityTools.Loader/bin/$Configuration/net8.0/CapacityTools.Loader.dll") $stage
    Copy-Item (Join-Path $root 'module/CapacityTools.psm1'), (Join-Path $root 'module/CapacityTools.Format.ps1xml') $stage
    Copy-Item (Join-Path $root 'module/about_CapacityTools.help.txt') (Join-Path $stage 'en-US')
    Copy-Item (Join-Path $root 'NOTICE'), (Join-Path $root 'LICENSE') $stage

    $manifest = Get-Content -Raw (Join-Path $root 'module/CapacityTools.psd1')
    $manifest = $manifest -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion          = '$version'"
    Set-Content -Path (Join-Path $stage 'CapacityTools.psd1') -Value $manifest -Encoding utf8NoBOM

    Invoke-ChildPwsh (Join-Path $root 'tools/ConvertTo-MamlHelp.ps1') @(
        '-ModulePath', (Join-Path $stage 'CapacityTools.psd1'),
        '-DocsPath', (Join-Path $root 'docs/en-US'),
        '-OutFile', (Join-Path $stage 'en-US/CapacityTools.PowerShell.dll-Help.xml'))
    if ($LASTEXITCODE -ne 0) { throw 'Compiling the help failed.' }
    Write-Host "Staged $stage" -ForegroundColor Green
}

# Returns the path of the package (and only that: everything else the build prints goes to the host).
function Invoke-Package {
    Invoke-Build | Out-Host
    $packages = Join-Path $outRoot 'packages'
    $null = New-Item -ItemType Directory -Path $packages -Force
    Get-ChildItem $packages -Filter 'CapacityTools.*.nupkg' | Remove-Item
    Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
    Compress-PSResource -Path (Get-StagedModulePath) -DestinationPath $packages | Out-Host
    $package = Get-ChildItem $packages -Filter "CapacityTools.$(Get-ModuleVersion).nupkg"
    if (-not $package) { throw "Compress-PSResource wrote no CapacityTools.$(Get-ModuleVersion).nupkg to $packages." }
    Write-Host "Packed $($package.FullName)" -ForegroundColor Green
    $package.FullName
}

# Pester and the test fixtures that come from NuGet (an older CsvHelper), restored into tools/packages.
function Restore-TestTools {
    $tools = Join-Path $root 'tools'
    Invoke-Native 'restoring the test tools from NuGet' { dotnet restore (Join-Path $tools 'Tools.csproj') --nologo -v quiet }
    Join-Path $tools 'packages'
}

function Get-PesterModulePath([string] $Packages) {
    $installed = Get-Module Pester -ListAvailable | Where-Object Version -GE ([version]'6.0.0') | Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) { return $installed.Path }
    $psd1 = Get-ChildItem (Join-Path $Packages 'pester') -Recurse -Filter Pester.psd1 | Select-Object -First 1
    if (-not $psd1) { throw 'Pester was not restored into tools/packages.' }
    $psd1.FullName
}

# The HTML report's browser test needs a real Chromium (Debian's chromium package): installed here where that is
# possible (root with apt-get), otherwise the test is skipped with this message (and fails under CI=true).
function Initialize-Chromium {
    $known = @($env:CAPACITYTOOLS_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser') | Where-Object { $_ -and (Test-Path $_) }
    if ($known) { return }
    $apt = Get-Command apt-get -ErrorAction SilentlyContinue
    if ($apt -and $IsLinux -and (id -u) -eq '0') {
        Write-Host 'Installing chromium for the HTML report test: apt-get install -y --no-install-recommends chromium' -ForegroundColor Cyan
        apt-get install -y --no-install-recommends chromium | Out-Host
        if ($LASTEXITCODE -ne 0) {
            apt-get update | Out-Host
            apt-get install -y --no-install-recommends chromium | Out-Host
        }
    }
    if (-not (Test-Path '/usr/bin/chromium')) {
        $ci = if ($env:CI -eq 'true') { ' Under CI=true the test fails instead of skipping.' } else { '' }
        Write-Warning "No Chromium: the HTML report's browser test is skipped. Enable it with 'apt-get install -y --no-install-recommends chromium' (as root), or set CAPACITYTOOLS_CHROMIUM to a Chromium binary.$ci"
    }
}

function Invoke-XunitTests {
    $results = Join-Path $outRoot 'TestResults'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $fuzz = Join-Path $root "tests/CapacityTools.Core.Tests/bin/$Configuration/net10.0/fuzz-summary.txt"
    if (Test-Path $fuzz) { Remove-Item $fuzz }
    dotnet test (Join-Path $root 'tests/CapacityTools.Core.Tests') -c $Configuration --no-build --nologo `
        --logger 'trx;LogFileName=core.trx' --logger 'console;verbosity=minimal' --results-directory $results | Out-Host
    # The property-based fuzzing says how many cases it ran per reader (CAPACITYTOOLS_FUZZ_ITER sets it).
    if (Test-Path $fuzz) { Get-Content $fuzz | Sort-Object | ForEach-Object { Write-Host $_ } }
    $trx = Join-Path $results 'core.trx'
    if (-not (Test-Path $trx)) { return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    $counters = ([xml](Get-Content -Raw $trx)).TestRun.ResultSummary.Counters
    [pscustomobject]@{
        Passed  = [int]$counters.passed
        Failed  = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        Skipped = [int]$counters.notExecuted
    }
}

# The telemetry tests need a real Prometheus (Debian's 'prometheus' package, which also ships promtool). As root on a
# Debian-family system it is installed here, with policy-rc.d keeping the packaged service from starting; elsewhere
# the tests are skipped with a message saying how to enable them (and under CI=true a skip is a failure).
function Initialize-TestPrometheus {
    if ((Get-Command prometheus, promtool -CommandType Application -ErrorAction SilentlyContinue | Select-Object -Unique Name).Count -ge 2) { return }
    $how = 'sudo apt-get install -y --no-install-recommends prometheus'
    if (-not $IsLinux -or -not (Test-Path /etc/debian_version) -or -not (Get-Command apt-get -ErrorAction SilentlyContinue)) {
        Write-Warning "Prometheus is not installed: the real-Prometheus tests will be skipped. Install Prometheus 2.x with promtool on PATH to run them (on Debian/Ubuntu: $how)."
        return
    }
    if ((id -u) -ne '0') {
        Write-Warning "Prometheus is not installed and this is not root: the real-Prometheus tests will be skipped. Enable them with: $how"
        return
    }
    Write-Host 'Installing Prometheus for the telemetry tests (apt-get install prometheus, service not started)' -ForegroundColor Cyan
    $policy = '/usr/sbin/policy-rc.d'
    $ownPolicy = -not (Test-Path $policy)
    if ($ownPolicy) { Set-Content $policy "#!/bin/sh`nexit 101" -Encoding ascii; chmod +x $policy }
    try {
        $env:DEBIAN_FRONTEND = 'noninteractive'
        apt-get update -qq | Out-Host
        apt-get install -y -qq --no-install-recommends prometheus | Out-Host
        if ($LASTEXITCODE -ne 0) { Write-Warning "apt-get install prometheus failed: the real-Prometheus tests will be skipped. Try: $how" }
    } finally {
        if ($ownPolicy) { Remove-Item $policy -Force }
    }
    # Where systemd runs, make sure the packaged service is neither running nor enabled.
    if ((Test-Path /run/systemd/system) -and (Get-Command systemctl -ErrorAction SilentlyContinue)) { systemctl disable --now prometheus 2>&1 | Out-Null }
}

function Invoke-PesterTests([string] $Package) {
    $summary = Join-Path $outRoot 'pester-summary.json'
    if (Test-Path $summary) { Remove-Item $summary }
    $packages = Restore-TestTools
    # What the packaging tests need: the .nupkg to install, and an older CsvHelper to load before the module.
    $env:CAPACITYTOOLS_PACKAGE = $Package
    $env:CAPACITYTOOLS_OLD_CSVHELPER = Get-ChildItem (Join-Path $packages 'csvhelper/30.0.1/lib') -Recurse -Filter CsvHelper.dll |
        Where-Object { $_.Directory.Name -like 'net6*' } | Select-Object -First 1 -ExpandProperty FullName
    Invoke-ChildPwsh (Join-Path $root 'tests/Pester/Invoke-PesterSuite.ps1') @(
        '-ModulePath', (Join-Path (Get-StagedModulePath) 'CapacityTools.psd1'),
        '-PesterPath', (Get-PesterModulePath $packages),
        '-SummaryPath', $summary) | Out-Host
    if (-not (Test-Path $summary)) { return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
    Get-Content -Raw $summary | ConvertFrom-Json
}

switch ($Task) {
    'Clean' {
        foreach ($path in @($outRoot) + (Get-ChildItem $root -Recurse -Directory -Include bin, obj | Where-Object FullName -NotLike '*tools/packages*').FullName) {
            if ($path -and (Test-Path $path)) { Remove-Item $path -Recurse -Force }
        }
        Write-Host 'Cleaned.'
    }
    'Build' { Invoke-Build }
    'Demo' {
        Invoke-Build
        Invoke-ChildPwsh (Join-Path $root 'tools/Demo.ps1') @('-ModulePath', (Join-Path (Get-StagedModulePath) 'CapacityTools.psd1'))
        if ($LASTEXITCODE -ne 0) { throw 'The demo failed.' }
    }
    'Bench' {
        Invoke-Build
        foreach ($script in Get-ChildItem (Join-Path $root 'bench') -Filter *.ps1) {
            Invoke-ChildPwsh $script.FullName @('-ModulePath', (Join-Path (Get-StagedModulePath) 'CapacityTools.psd1'))
        }
    }
    'Package' { $null = Invoke-Package }
    'Test' {
        $package = Invoke-Package
        Initialize-Chromium
        $core = Invoke-XunitTests
        Write-Host "xunit: $($core.Passed) passed, $($core.Failed) failed, $($core.Skipped) skipped"
        Initialize-TestPrometheus
        $pester = Invoke-PesterTests $package
        Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed, $($pester.Skipped) skipped"
        $passed = $core.Passed + $pester.Passed
        $failed = $core.Failed + $pester.Failed
        $skipped = $core.Skipped + $pester.Skipped
        Write-Output "$passed passed, $failed failed, $skipped skipped"
        if ($failed -gt 0) { exit 1 }
    }
}
