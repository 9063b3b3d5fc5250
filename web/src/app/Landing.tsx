import { useEffect } from 'react';
import { useNavigate } from 'react-router';

interface LandingProps {
  to: string;
  onLanded: () => void;
}

/** Opens `to` (replacing the link page in the history, whose code is spent) and says when done. */
export function Landing({ to, onLanded }: LandingProps) {
  const navigate = useNavigate();
  useEffect(() => {
    navigate(to, { replace: true });
    onLanded();
  }, [navigate, to, onLanded]);
  return null;
}
