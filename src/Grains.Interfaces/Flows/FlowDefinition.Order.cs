namespace Tributary.Flows;

/// <summary>The graph's order: upstream and downstream tasks, a topological order and, when there is none, a cycle.</summary>
/// <remarks>
/// Every step here is linear in tasks plus edges (Kahn's algorithm over adjacency lists), so a flow of 10,000 tasks or a
/// fan-in of 5,000 builds as fast per task as a small one. The results are the same as the earlier quadratic scans gave,
/// in the same order: tasks are visited in declaration order, as the dictionaries hold them.
/// </remarks>
public sealed partial class FlowDefinition
{
    /// <summary>For each task (in declaration order), the distinct tasks it takes input from, in its edges' order.</summary>
    private static Dictionary<string, List<string>> UpstreamTasks(Dictionary<string, TaskNode> tasks) =>
        tasks.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.Edges.Values.Where(tasks.ContainsKey).Distinct(StringComparer.Ordinal).ToList(),
            StringComparer.Ordinal);

    /// <summary>For each task, the tasks that take its output, in <paramref name="order"/>.</summary>
    private static Dictionary<string, IReadOnlyList<string>> DownstreamInOrder(
        Dictionary<string, List<string>> upstream, IReadOnlyList<string> order)
    {
        var downstream = upstream.Keys.ToDictionary(task => task, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var task in order)
        {
            foreach (var source in upstream[task])
            {
                downstream[source].Add(task);
            }
        }

        return downstream.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Kahn's algorithm: a task is ready once every task it takes input from is placed. Ties go by declaration order, both
    /// among the tasks ready at the start and among the downstream tasks one placement makes ready.
    /// </summary>
    private static IReadOnlyList<string> TopologicalOrder(Dictionary<string, List<string>> upstream, List<string> problems)
    {
        var downstream = upstream.Keys.ToDictionary(task => task, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (task, sources) in upstream)
        {
            foreach (var source in sources)
            {
                downstream[source].Add(task);
            }
        }

        var remaining = upstream.ToDictionary(pair => pair.Key, pair => pair.Value.Count, StringComparer.Ordinal);
        var ready = new Queue<string>(upstream.Keys.Where(name => remaining[name] == 0));
        var order = new List<string>(upstream.Count);
        while (ready.TryDequeue(out var next))
        {
            order.Add(next);
            foreach (var other in downstream[next])
            {
                if (--remaining[other] == 0)
                {
                    ready.Enqueue(other);
                }
            }
        }

        if (order.Count < upstream.Count)
        {
            problems.Add($"it has a cycle: {string.Join(" -> ", FindCycle(upstream, remaining))}");
        }

        return order;
    }

    private static List<string> FindCycle(Dictionary<string, List<string>> upstream, Dictionary<string, int> remaining)
    {
        // Walk upstream from any task left over: every left-over task has a left-over upstream, so the walk repeats.
        var path = new List<string>();
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        var current = remaining.First(pair => pair.Value > 0).Key;
        while (onPath.Add(current))
        {
            path.Add(current);
            current = upstream[current].First(u => remaining[u] > 0);
        }

        var cycle = path.Skip(path.IndexOf(current)).Reverse().ToList();
        cycle.Add(cycle[0]);
        return cycle;
    }
}
