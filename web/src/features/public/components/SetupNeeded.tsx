/** The public page of a board nobody has set up yet: an empty board would only puzzle people. */
export function SetupNeeded() {
  return (
    <div className="public">
      <section className="public__hero public__hero--setup" aria-labelledby="setup-needed-title">
        <h2 id="setup-needed-title">This board is not set up yet</h2>
        <p>
          Whoever installed Bridgeboard: open the setup link printed in the server’s log when it started (the line
          starts with “Set up Bridgeboard: open”). It names the partnership and creates the first coordinator.
        </p>
        <p className="public__hero-note">Residents: the partnership’s board opens here once it is set up.</p>
      </section>
    </div>
  );
}
