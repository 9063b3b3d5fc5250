/** Placeholder: filled in by the feature's own work. */
export function PublicHome() {
  return (
    <section className="page">
      <h2>PublicHome</h2>
      <p>Coming soon.</p>
    </section>
  );
}
