#!/usr/bin/env bash
# Runs a two-silo Tributary cluster on this machine: Azurite (Azure Storage emulator) for membership, grain state,
# reminders and the Azure Blob result handler, plus two silo processes. Ctrl-C stops everything.
#
#   deploy/local-cluster.sh            # start Azurite + 2 silos, wait
#   dotnet run --project src/Client/Cli -- run etl --cluster "$(cat .tributary-cluster/connection-string)"
#
# For a real deployment, point Tributary__Cluster__ConnectionString and Tributary__AzureBlob__ConnectionString at an
# Azure Storage account instead and run the silo (src/Silo) on each host with its own advertised address, listing your
# flows' DLLs in Tributary__FlowAssemblies__0, __1, ...
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

state_dir="${TRIBUTARY_CLUSTER_DIR:-$PWD/.tributary-cluster}"
mkdir -p "$state_dir/azurite"
[[ -d node_modules/azurite ]] || npm ci --no-audit --no-fund

blob_port=10000 queue_port=10001 table_port=10002
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
echo "$connection" > "$state_dir/connection-string"

pids=()
stop_all() {
    for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
}
trap stop_all EXIT INT TERM

node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --location "$state_dir/azurite" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort $blob_port --queuePort $queue_port --tablePort $table_port &
pids+=($!)
for _ in $(seq 1 100); do (echo > /dev/tcp/127.0.0.1/$table_port) 2>/dev/null && break; sleep 0.1; done

dotnet build src/Silo -c Release -v quiet -nologo
# The silo has no flows of its own: it loads the example flows (`etl`) like any user's, from their DLL.
dotnet build examples/Tributary.Examples -c Release -v quiet -nologo
flows="$PWD/examples/Tributary.Examples/bin/Release/net10.0/Tributary.Examples.dll"
for i in 0 1; do
    Tributary__Cluster__Mode=AzureStorage \
    Tributary__Cluster__ConnectionString="$connection" \
    Tributary__Cluster__SiloPort=$((11111 + i)) \
    Tributary__Cluster__GatewayPort=$((30000 + i)) \
    Tributary__Web__Urls=http://127.0.0.1:$((8080 + i)) \
    Tributary__AzureBlob__ConnectionString="$connection" \
    Tributary__ResultHandler__Kind=azure-blob \
    Tributary__ResultHandler__Settings__container=tributary-results \
    Tributary__Checkpointing=true \
    Tributary__FlowAssemblies__0="$flows" \
    dotnet src/Silo/bin/Release/net10.0/Tributary.Silo.dll > "$state_dir/silo-$i.log" 2>&1 &
    pids+=($!)
done

echo "Cluster starting (logs in $state_dir). Connection string in $state_dir/connection-string."
echo "Dashboards and run pages: http://127.0.0.1:8080/ and http://127.0.0.1:8081/ (health: /healthz)."
echo "Run a flow:  dotnet run --project src/Client/Cli -- run etl --cluster \"\$(cat $state_dir/connection-string)\""
wait -n "${pids[@]}"
