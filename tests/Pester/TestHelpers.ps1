# Dot-sourced by every test file: imports the staged module that build.ps1 names.
if (-not $env:CAPACITYTOOLS_MODULE) { throw 'Run the tests through build.ps1 -Task Test (CAPACITYTOOLS_MODULE is not set).' }
Import-Module $env:CAPACITYTOOLS_MODULE -Force

# Runs a script in a fresh pwsh with the staged module imported and returns what it wrote as JSON.
function Invoke-InChildPwsh([string] $Script) {
    $exe = [Environment]::ProcessPath
    $wrapped = "Import-Module '$($env:CAPACITYTOOLS_MODULE)'; $Script"
    [string[]] $prefix = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { @(Join-Path $PSHOME 'pwsh.dll') } else { @() }
    $out = & $exe @prefix -NoProfile -NonInteractive -Command $wrapped
    $out | ConvertFrom-Json
}

# Runs a script in a new runspace of this process with the module imported, so that what it changes for
# its session (Import-GpuCatalog, Import-GdpData) cannot leak into other tests.
function Invoke-Isolated([string] $Script, [string] $Location = (Get-Location).ProviderPath) {
    $ps = [powershell]::Create()
    try {
        $setup = "Set-Location -LiteralPath '$($Location -replace "'", "''")'; Import-Module '$($env:CAPACITYTOOLS_MODULE)'"
        $null = $ps.AddScript($setup).AddStatement().AddScript($Script)
        $output = $ps.Invoke()
        [pscustomobject]@{
            Output   = @($output | ForEach-Object { $_ })
            Errors   = @($ps.Streams.Error)
            Warnings = @($ps.Streams.Warning)
        }
    } finally {
        $ps.Dispose()
    }
}

# The module's own types. On PowerShell 7 they live in the module's AssemblyLoadContext, which type literals
# such as [CapacityTools.Core.ErrorIds] do not search; look them up in the assemblies of that context.
function Get-ModuleType([string] $FullName) {
    $known = $FullName -as [type]
    if ($known) { return $known }
    $assembly = (Get-Command Get-GpuSpec).ImplementingType.Assembly
    $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly)
    foreach ($candidate in $context.Assemblies) {
        $type = $candidate.GetType($FullName, $false)
        if ($type) { return $type }
    }
    throw "The module has no type $FullName."
}
