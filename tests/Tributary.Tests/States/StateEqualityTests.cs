using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using Tributary.Handlers;
using Tributary.Results;
using Tributary.States;

namespace Tributary.Tests.States;

/// <summary>
/// Persisted states compare by value, member by member: for every public <c>init</c> property, a copy with only that
/// property changed is not equal, and a copy with only that property rebuilt as an equal value in new instances is. So a
/// member added later but forgotten in the hand-written <c>Equals</c> fails here, as does a collection compared by
/// reference.
/// </summary>
public sealed class StateEqualityTests
{
    public static TheoryData<string> StateTypes => [nameof(TaskRunState), nameof(FlowRunState)];

    [Theory]
    [MemberData(nameof(StateTypes))]
    public void Equals_CopyWithOnePropertyChanged_IsNotEqual(string typeName)
    {
        var sample = Sample(typeName);
        var properties = InitProperties(sample.GetType());

        foreach (var property in properties)
        {
            var copy = With(sample, property, Different(property, property.GetValue(sample)));

            Assert.False(sample.Equals(copy), $"{typeName} with another {property.Name} still equals the original: is {property.Name} missing from Equals?");
            Assert.False(copy.Equals(sample), $"{typeName} with another {property.Name}: Equals is not symmetric.");
        }
    }

    // Guards a fixed bug: records compared their ImmutableDictionary and ImmutableArray members by reference.
    [Theory]
    [MemberData(nameof(StateTypes))]
    public void Equals_CopyWithOnePropertyRebuiltAsEqualValue_IsEqualWithTheSameHashCode(string typeName)
    {
        var sample = Sample(typeName);

        foreach (var property in InitProperties(sample.GetType()))
        {
            var copy = With(sample, property, Rebuilt(property, property.GetValue(sample)));

            Assert.True(sample.Equals(copy), $"{typeName} with {property.Name} rebuilt as an equal value is not equal: is it compared by reference?");
            Assert.Equal(sample.GetHashCode(), copy.GetHashCode());
        }
    }

    [Theory]
    [MemberData(nameof(StateTypes))]
    public void InitProperties_Sample_FindsEveryPersistedMemberSetToANonDefaultValue(string typeName)
    {
        // A check that the scan finds what it looks for (persisted members, nothing computed), and that the sample gives
        // each one a value, so that the tests above compare something real for every member.
        var sample = Sample(typeName);
        var properties = InitProperties(sample.GetType());
        var names = properties.Select(property => property.Name).ToHashSet();

        Assert.Contains("FlowRunId", names);
        Assert.Contains("Status", names);
        Assert.Contains(typeName == nameof(TaskRunState) ? "CachedInputs" : "TaskStatuses", names);
        Assert.DoesNotContain("Duration", names);
        Assert.DoesNotContain("Result", names);
        foreach (var property in properties)
        {
            var value = property.GetValue(sample);
            var empty = value is null
                || (property.PropertyType.IsValueType && value.Equals(Activator.CreateInstance(property.PropertyType)))
                || value is System.Collections.ICollection { Count: 0 }
                || value is ImmutableArray<string> { IsDefaultOrEmpty: true };
            Assert.False(empty, $"StateSamples leaves {typeName}.{property.Name} at its default: set it.");
        }
    }

    private static object Sample(string typeName) => typeName switch
    {
        nameof(TaskRunState) => StateSamples.TaskRun(),
        nameof(FlowRunState) => StateSamples.FlowRun(),
        _ => throw new ArgumentOutOfRangeException(nameof(typeName)),
    };

    /// <summary>The public properties with an <c>init</c> accessor: what a state is made of.</summary>
    private static PropertyInfo[] InitProperties(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.SetMethod is { IsPublic: true } setter
                && setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))];

    /// <summary>A copy of a record (its compiler-made clone) with one property set.</summary>
    private static object With(object record, PropertyInfo property, object? value)
    {
        var clone = record.GetType().GetMethod("<Clone>$")
            ?? throw new InvalidOperationException($"{record.GetType().Name} is not a record.");
        var copy = clone.Invoke(record, null)!;
        property.SetValue(copy, value);
        return copy;
    }

    /// <summary>A value of the property's type that differs from <paramref name="value"/>.</summary>
    private static object? Different(PropertyInfo property, object? value) => value switch
    {
        string text => text + "'",
        int number => number + 1,
        bool flag => !flag,
        TaskRunStatus status => status == TaskRunStatus.Failed ? TaskRunStatus.Success : TaskRunStatus.Failed,
        FlowRunStatus status => status == FlowRunStatus.Failed ? FlowRunStatus.Success : FlowRunStatus.Failed,
        DateTimeOffset at => at.AddTicks(1),
        SafeResult safe => new SafeResult(safe.Json, safe.Handler, safe.ValueTypeName + "'"),
        ResultHandlerDescriptor handler => new ResultHandlerDescriptor(handler.Kind, handler.Settings.Add("other", "1")),
        ImmutableDictionary<string, SafeResult> inputs => inputs.SetItem(inputs.Keys.First(), new SafeResult("0", ResultHandlers.Json)),
        ImmutableDictionary<string, string> parameters => parameters.SetItem(parameters.Keys.First(), "\"other\""),
        ImmutableDictionary<string, TaskRunStatus> statuses => statuses.SetItem(statuses.Keys.First(), TaskRunStatus.Pending),
        ImmutableArray<string> names => names.RemoveAt(names.Length - 1),
        ResultKey key => key with { Attempt = key.Attempt + 1 },
        TaskRunOrigin origin => origin with { Resumes = origin.Resumes + 1 },
        SpillReference spill => spill with { Generation = spill.Generation + 1 },
        _ => throw new InvalidOperationException(
            $"No different value for {property.DeclaringType?.Name}.{property.Name} ({property.PropertyType.Name}) with the sample's value {value ?? "null"}: " +
            "set it in StateSamples and teach this test its type."),
    };

    /// <summary>A value equal to <paramref name="value"/> made of new instances (what a read from storage gives).</summary>
    private static object? Rebuilt(PropertyInfo property, object? value) => value switch
    {
        string text => new string(text.AsSpan()),
        int or bool or TaskRunStatus or FlowRunStatus or DateTimeOffset => value,
        SafeResult safe => Rebuild(safe),
        ResultHandlerDescriptor handler => new ResultHandlerDescriptor(new string(handler.Kind.AsSpan()), [.. handler.Settings]),
        ImmutableDictionary<string, SafeResult> inputs => inputs.Reverse().ToImmutableDictionary(pair => pair.Key, pair => Rebuild(pair.Value)),
        ImmutableDictionary<string, string> parameters => parameters.Reverse().ToImmutableDictionary(pair => pair.Key, pair => new string(pair.Value.AsSpan())),
        ImmutableDictionary<string, TaskRunStatus> statuses => statuses.Reverse().ToImmutableDictionary(),
        ImmutableArray<string> names => ImmutableArray.CreateRange(names.Select(name => new string(name.AsSpan()))),
        ResultKey key => key with { Nonce = new string(key.Nonce.AsSpan()) },
        TaskRunOrigin origin => origin with { FlowVersion = origin.FlowVersion is null ? null : new string(origin.FlowVersion.AsSpan()) },
        SpillReference spill => new SpillReference(spill.Generation, spill.Pages),
        _ => throw new InvalidOperationException(
            $"No way to rebuild {property.DeclaringType?.Name}.{property.Name} ({property.PropertyType.Name}): teach this test its type."),
    };

    private static SafeResult Rebuild(SafeResult safe) =>
        new(new string(safe.Json.AsSpan()), new ResultHandlerDescriptor(safe.Handler.Kind, [.. safe.Handler.Settings]), safe.ValueTypeName);
}
