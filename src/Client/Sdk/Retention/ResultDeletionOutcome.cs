namespace Tributary.Client.Retention;

/// <summary>What became of one result retention tried to delete.</summary>
public enum ResultDeletionOutcome
{
    /// <summary>Deleted through its handler (or, for a handler that cannot tell, its deletion was asked and did not fail).</summary>
    Deleted,

    /// <summary>Nothing was stored there any more (told by a handler that implements <see cref="Handlers.IResultLocationLister"/>).</summary>
    AlreadyGone,

    /// <summary>The deletion failed (see <see cref="ResultDeletion.Error"/>): the result may still be stored, and its run is kept so that it stays named.</summary>
    Failed,
}
