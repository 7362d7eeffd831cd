# The module as admins receive it: a valid manifest with its licence, loading beside other modules' copies of
# its dependencies, and installable with PSResourceGet from the .nupkg that build.ps1 -Task Package writes.
BeforeAll {
    . "$PSScriptRoot/TestHelpers.ps1"
    $stage = Split-Path $env:CAPACITYTOOLS_MODULE
    $fleet = Join-Path $PSScriptRoot '../CapacityTools.Core.Tests/Data/inventory/fleet.csv'
    $version = ([xml](Get-Content -Raw (Join-Path $PSScriptRoot '../../Directory.Build.props'))).Project.PropertyGroup.VersionPrefix | Where-Object { $_ } | Select-Object -First 1

    # Runs a script in a fresh pwsh (nothing of this session loaded) and returns its output as JSON.
    function Invoke-FreshPwsh([string] $Script, [hashtable] $Environment = @{}) {
        $exe = [Environment]::ProcessPath
        [string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
        $saved = @{}
        foreach ($name in $Environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $Environment[$name]) }
        try {
            $out = & $exe @prefix -NoProfile -NonInteractive -Command $Script
            ($out -join "`n") | ConvertFrom-Json
        } finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }
}

Describe 'the staged module' {
    It 'passes Test-ModuleManifest with the version of Directory.Build.props' {
        $manifest = Test-ModuleManifest -Path $env:CAPACITYTOOLS_MODULE -ErrorAction Stop
        $manifest.Version | Should -Be ([version]$version)
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.LicenseUri | Should -Match '/LICENSE$'
        $manifest.ProjectUri | Should -Not -BeNullOrEmpty
    }

    It 'ships the Apache-2.0 licence the NOTICE names' {
        Get-Content -Raw (Join-Path $stage 'LICENSE') | Should -Match 'Apache License\s+Version 2\.0, January 2004'
        Get-Content -Raw (Join-Path $stage 'NOTICE') | Should -Match 'Apache'
    }

    It 'keeps its assemblies in deps/, out of the module root' {
        (Get-ChildItem $stage -Filter *.dll).Name | Should -Be @('CapacityTools.Loader.dll')
        (Get-ChildItem (Join-Path $stage 'deps') -Filter *.dll).Name | Should -Contain 'CsvHelper.dll'
    }
}

Describe 'dependency isolation' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
    It 'loads its dependencies into its own load context' {
        $assembly = (Get-Command Import-GpuInventory).ImplementingType.Assembly
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name | Should -Be 'CapacityTools'
    }

    It 'imports and reads a CSV in a session where another module already loaded CsvHelper 30.0.1' {
        $env:CAPACITYTOOLS_OLD_CSVHELPER | Should -Exist -Because 'build.ps1 restores CsvHelper 30.0.1 from NuGet for this test'
        $r = Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
Add-Type -LiteralPath '$($env:CAPACITYTOOLS_OLD_CSVHELPER)'
Import-Module '$($env:CAPACITYTOOLS_MODULE)'
`$items = Import-GpuInventory -LiteralPath '$fleet' -WarningAction SilentlyContinue
[pscustomobject]@{
    Gpus     = (`$items | Measure-Object Count -Sum).Sum
    Versions = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'CsvHelper' } |
        ForEach-Object { '{0} {1}' -f `$_.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name } | Sort-Object)
} | ConvertTo-Json -Compress
"@
        $r.Gpus | Should -BeGreaterThan 0
        $r.Versions | Should -Be @('30.0.0.0 Default', '34.0.0.0 CapacityTools')
    }

    It 'imports again after Remove-Module in the same session' {
        $r = Invoke-FreshPwsh @"
Import-Module '$($env:CAPACITYTOOLS_MODULE)'; Remove-Module CapacityTools; Import-Module '$($env:CAPACITYTOOLS_MODULE)'
@{ Commands = (Get-Command -Module CapacityTools).Count; Equivalents = (Get-GpuEquivalent -Model H100-SXM5-80GB -Count 2).Equivalents } | ConvertTo-Json -Compress
"@
        $r.Commands | Should -Be (Import-PowerShellDataFile $env:CAPACITYTOOLS_MODULE).CmdletsToExport.Count
        $r.Equivalents | Should -Be 2
    }
}

Describe 'the package' {
    It 'installs with Install-PSResource from a local repository into a fresh module path, imports and runs' {
        $env:CAPACITYTOOLS_PACKAGE | Should -Exist -Because 'build.ps1 -Task Test packs the module first'
        $folder = Join-Path ([IO.Path]::GetTempPath()) "capacitytools-install-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $folder
        try {
            # A temporary home moves the current user's module path and PSResourceGet's settings out of the real one.
            $data = Join-Path $folder '.local/share'
            $null = New-Item -ItemType Directory -Path $data
            $r = Invoke-FreshPwsh -Environment @{ HOME = $folder; XDG_DATA_HOME = $data; LOCALAPPDATA = $data; DOTNET_CLI_HOME = $HOME } -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name CapacityToolsLocal -Uri '$(Split-Path $env:CAPACITYTOOLS_PACKAGE)' -Trusted
Install-PSResource -Name CapacityTools -Repository CapacityToolsLocal -Scope CurrentUser -TrustRepository -Quiet
`$installed = Get-InstalledPSResource -Name CapacityTools -Scope CurrentUser
Import-Module CapacityTools
[pscustomobject]@{
    Version     = `$installed.Version.ToString()
    Base        = (Get-Module CapacityTools).ModuleBase
    Equivalents = (Get-GpuEquivalent -Model A100-SXM4-80GB -Count 350000).Equivalents
} | ConvertTo-Json -Compress
"@
            $r.Version | Should -Be $version
            $r.Base | Should -BeLike "$folder*"
            [math]::Round($r.Equivalents) | Should -Be ([math]::Round(350000 * 312 / 989.4))
        } finally {
            Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}
