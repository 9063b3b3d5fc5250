import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { IssueStatus } from '../../../graphql/generated/graphql.js';
import { STATUS_LABEL, STATUS_TRANSITIONS } from '../board.statuses.js';

interface MoveMenuProps {
  issueTitle: string;
  status: IssueStatus;
  onMove: (status: IssueStatus) => void;
  /** Receives the menu button, so the board can return focus to it after the card has moved. */
  buttonRef?: (button: HTMLButtonElement | null) => void;
}

/**
 * The keyboard and screen-reader path for moving a card (drag and drop's equivalent): a menu
 * button named "Move <title>" opening a menu of the statuses the issue may move to. Arrow keys,
 * Home and End move between items; Enter or Space chooses; Escape closes and returns focus.
 */
export function MoveMenu({ issueTitle, status, onMove, buttonRef }: MoveMenuProps) {
  const menuId = useId();
  const [open, setOpen] = useState(false);
  const [initialFocus, setInitialFocus] = useState<'first' | 'last'>('first');
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement | null>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const targets = STATUS_TRANSITIONS[status];

  useEffect(() => {
    if (!open) return;
    items.current[initialFocus === 'first' ? 0 : targets.length - 1]?.focus();
    const closeOnOutside = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [open, initialFocus, targets.length]);

  const openAt = (where: 'first' | 'last') => {
    setInitialFocus(where);
    setOpen(true);
  };

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  const choose = (target: IssueStatus) => {
    close(true);
    onMove(target);
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const current = items.current.findIndex((item) => item === document.activeElement);
    const focusAt = (index: number) => items.current[(index + targets.length) % targets.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusAt(current + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        focusAt(current - 1);
        break;
      case 'Home':
        event.preventDefault();
        focusAt(0);
        break;
      case 'End':
        event.preventDefault();
        focusAt(targets.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        close(true);
        break;
      case 'Tab':
        close(false);
        break;
    }
  };

  return (
    <div className="move-menu" ref={wrapper}>
      <button
        type="button"
        className="move-menu__button"
        ref={(node) => {
          button.current = node;
          buttonRef?.(node);
        }}
        aria-label={`Move ${issueTitle}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt('first'))}
        onKeyDown={onButtonKeyDown}
      >
        Move <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          id={menuId}
          className="move-menu__list"
          role="menu"
          aria-label={`Move “${issueTitle}” to`}
          onKeyDown={onMenuKeyDown}
        >
          {targets.map((target, index) => (
            <li key={target} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="move-menu__item"
                ref={(node) => {
                  items.current[index] = node;
                }}
                onClick={() => choose(target)}
              >
                {STATUS_LABEL[target]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
