/** Placeholder: filled in by the feature's own work. */
export function ActivityPage() {
  return (
    <section className="page">
      <h2>ActivityPage</h2>
      <p>Coming soon.</p>
    </section>
  );
}
