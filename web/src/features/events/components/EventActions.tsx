import { useState } from 'react';
import { Link } from 'react-router';
import type { EventCardData } from '../graphql/fragments/eventCard.fragment.js';
import type { Viewer } from '../useViewer.js';
import { CancelEventForm } from './CancelEventForm.js';
import { RsvpForm } from './RsvpForm.js';
import { StaffForm } from './StaffForm.js';

interface EventActionsProps {
  event: EventCardData;
  /** The signed-in member, or null for a resident. */
  viewer: Viewer | null;
}

type Panel = 'rsvp' | 'staff' | 'cancel' | null;

/**
 * What the viewer may do with an event: residents reserve a place; members commit staff from
 * their organization, and hosts, co-hosts and officers edit or cancel it. One panel at a time.
 */
export function EventActions({ event, viewer }: EventActionsProps) {
  const [open, setOpen] = useState<Panel>(null);
  const active = event.status === 'PLANNED' || event.status === 'CONFIRMED';
  if (!active) return null;
  const toggle = (panel: Exclude<Panel, null>) => setOpen((current) => (current === panel ? null : panel));
  const close = () => setOpen(null);

  if (!viewer) {
    return (
      <>
        <button type="button" aria-expanded={open === 'rsvp'} onClick={() => toggle('rsvp')}>
          Reserve a place
        </button>
        {open === 'rsvp' && <RsvpForm eventId={event.id} eventTitle={event.title} />}
      </>
    );
  }

  return (
    <>
      <div className="event-actions">
        <button type="button" aria-expanded={open === 'staff'} onClick={() => toggle('staff')}>
          Commit staff
        </button>
        {event.viewerCanEdit && (
          <>
            <Link
              className="button-link"
              to={`/events/${encodeURIComponent(event.id)}/edit`}
              aria-label={`Edit ${event.title}`}
            >
              Edit
            </Link>
            <button
              type="button"
              className="button--secondary"
              aria-expanded={open === 'cancel'}
              onClick={() => toggle('cancel')}
            >
              Cancel event
            </button>
          </>
        )}
      </div>
      {open === 'staff' && <StaffForm event={event} organization={viewer.organization} onDone={close} />}
      {open === 'cancel' && <CancelEventForm event={event} onDone={close} />}
    </>
  );
}
