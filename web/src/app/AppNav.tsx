import { NavLink } from 'react-router';

interface AppNavProps {
  signedIn: boolean;
}

/** The main navigation; the current page is marked for screen readers by NavLink. */
export function AppNav({ signedIn }: AppNavProps) {
  return (
    <nav className="app-nav" aria-label="Main">
      {signedIn ? <NavLink to="/board">Board</NavLink> : <NavLink to="/">Issues</NavLink>}
      <NavLink to="/events">Events</NavLink>
      <NavLink to="/activity">Activity</NavLink>
      <NavLink to="/report">Report an issue</NavLink>
    </nav>
  );
}
