#!/usr/bin/env bash
# Checks that a user's test project can consume the conformance kit as a package: packs Tributary.Testing (and the
# contracts it depends on) under a fresh version, builds a test project holding the README's worked example (the
# key-value handler and its conformance class, as the README shows them) against the packages, and runs its tests.
# Usage: eng/check-testing-kit.sh   (exit code 0 when every conformance case passes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A version of its own, so that no package cached by an earlier check is used.
version="0.0.0-kit.$(date +%s)"

dotnet pack "$root/src/Grains.Interfaces" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q
dotnet pack "$root/src/Testing" -c Release -o "$work/feed" -p:Version="$version" --nologo -v q

mkdir -p "$work/consumer"
cat > "$work/consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="kit" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
test_sdk="$(sed -n 's/.*"Microsoft.NET.Test.Sdk" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")"
runner="$(sed -n 's/.*"xunit.runner.visualstudio" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")"
cat > "$work/consumer/Consumer.Tests.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <IsPackable>false</IsPackable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Tributary.Testing" Version="$version" />
    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="$test_sdk" />
    <PackageReference Include="xunit.runner.visualstudio" Version="$runner" />
  </ItemGroup>
</Project>
XML

# The README's C# blocks that declare the two classes, as written.
awk -v out="$work/consumer" '
  /^```csharp/ { inblock = 1; block = ""; next }
  /^```/ && inblock {
    inblock = 0
    if (block ~ /class KeyValueResultHandler : IResultHandler/) {
      printf "using System.Collections.Concurrent;\nusing System.Text.Json;\nusing System.Text.Json.Nodes;\nusing Tributary.Handlers;\n\n%s", block > (out "/KeyValueResultHandler.cs")
    } else if (block ~ /class UserHandlerConformanceTests : ResultHandlerConformanceTests/) {
      printf "%s", block > (out "/UserHandlerConformanceTests.cs")
    }
    next
  }
  inblock { block = block $0 "\n" }
' "$root/README.md"
for file in KeyValueResultHandler.cs UserHandlerConformanceTests.cs; do
  [[ -s "$work/consumer/$file" ]] || { echo "check-testing-kit: the README has no worked example for $file" >&2; exit 1; }
done

dotnet test "$work/consumer" --nologo
